import { NotFoundError } from '../errors';
import type { AuthUser } from '../auth/tokens';
import { assertInScope } from '../middlewares/auth';
import { Project, type ProjectDoc } from '../models/project';

const objectIdPattern = /^[0-9a-f]{24}$/i;

/** Finds a project by id or by its QR scene id; 404 when neither matches. */
export async function findProjectByRef(ref: string): Promise<ProjectDoc> {
  const project = await Project.findOne(
    objectIdPattern.test(ref) ? { _id: ref } : { sceneId: ref },
  ).lean<ProjectDoc>();
  if (!project) throw NotFoundError('找不到该改造项目');
  return project;
}

/** A project the caller may see (404 when missing, 403 out_of_scope when elsewhere). */
export async function projectInScope(user: AuthUser, id: string): Promise<ProjectDoc> {
  const project = await Project.findById(id).lean<ProjectDoc>();
  if (!project) throw NotFoundError('找不到该改造项目');
  assertInScope(user, project.regionPath);
  return project;
}
