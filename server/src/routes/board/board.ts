import Router from '@koa/router';
import QRCode from 'qrcode';
import { ProjectRefParams, boardPagePath } from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { findProjectByRef } from '../../policies/projectAccess';
import { presentBoard } from '../../presenters/board';
import { ProgressUpdate, type ProgressUpdateDoc } from '../../models/progressUpdate';
import { unlimitedMiniProgramCode, wechatConfigured } from '../../auth/wechat';
import { getCachedBoard, getCachedQr, putBoard, putQr, type CachedBoard } from './boardCache';
import { sendBoard } from './boardFastPath';

export const latestProgressOnBoard = 5;

async function renderBoard(ref: string): Promise<CachedBoard> {
  const project = await findProjectByRef(ref);
  const progress = await ProgressUpdate.find({ projectId: project._id })
    .sort({ createdAt: -1 })
    .limit(latestProgressOnBoard)
    .lean<ProgressUpdateDoc[]>();
  return putBoard(String(project._id), project.sceneId, presentBoard(project, progress));
}

/** The public notice board of a project (no login): `:id` is the project id or its QR scene id. */
export function boardRouter(): Router {
  const router = new Router({ prefix: '/projects' });

  router.get('/:id/board', async (ctx) => {
    const { id } = ctx.params;
    sendBoard(ctx, getCachedBoard(id) ?? (await renderBoard(parse(ProjectRefParams, { id }).id)));
  });

  router.get('/:id/qrcode', async (ctx) => {
    const { id } = parse(ProjectRefParams, ctx.params);
    const project = await findProjectByRef(id);
    const wechat = wechatConfigured(ctx.env);
    const cacheKey = `${wechat ? 'wx' : 'h5'}:${project.sceneId}:${ctx.env.PUBLIC_BASE_URL}`;
    let png = getCachedQr(cacheKey);
    if (!png) {
      png = wechat
        ? await unlimitedMiniProgramCode(ctx.env, project.sceneId, boardPagePath)
        : await QRCode.toBuffer(`${ctx.env.PUBLIC_BASE_URL}/h5/#/${boardPagePath}?scene=${project.sceneId}`, {
            type: 'png',
            width: 512,
            margin: 2,
            errorCorrectionLevel: 'M',
          });
      putQr(cacheKey, png);
    }
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.set('Content-Disposition', `inline; filename="board-${project.sceneId}.png"`);
    ctx.type = 'image/png';
    ctx.body = png;
  });

  return router;
}
