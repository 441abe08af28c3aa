import { useEffect, useState } from 'react';
import type { ProjectBoard } from '@jiugai/shared';
import { fetchBoard } from './services/board';
import { lastProject } from './services/scene';

/** The project a page is about: `ref` (id or scene id) or the last board the resident opened. */
export function useProject(ref?: string | null): {
  project: ProjectBoard | null;
  missing: boolean;
  error: string | null;
} {
  const target = ref || lastProject();
  const [project, setProject] = useState<ProjectBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    fetchBoard(target)
      .then(setProject)
      .catch((e: Error) => setError(e.message));
  }, [target]);
  return { project, missing: !target, error };
}
