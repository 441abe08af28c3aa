import type { ReactNode } from 'react';
import type { ProjectBoard } from '@jiugai/shared';
import { qrCodeUrl } from './service';

const cell = { border: '1px solid #b71c1c', padding: '6px 10px', verticalAlign: 'top' as const };

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ border: '2px solid #b71c1c', marginBottom: 8, breakInside: 'avoid' }}>
      <div style={{ background: '#b71c1c', color: '#fff', fontWeight: 700, padding: '4px 10px' }}>
        {title}
      </div>
      <div style={{ padding: '6px 10px', whiteSpace: 'pre-wrap' }}>{children}</div>
    </div>
  );
}

const date = (d: string | null) => d ?? '待定';

export function BoardSheet({
  board,
  projectId,
  large,
}: {
  board: ProjectBoard;
  projectId: string;
  large: boolean;
}) {
  const o = board.overview;
  return (
    <div style={{ padding: large ? 24 : 14, fontSize: large ? 15 : 11, color: '#222', lineHeight: 1.6 }}>
      <h1 style={{ textAlign: 'center', color: '#b71c1c', fontSize: large ? 34 : 22, margin: '0 0 4px' }}>
        {board.name} 公示栏
      </h1>
      <div style={{ textAlign: 'center', marginBottom: 10 }}>
        {o.districtName} {o.streetName} {o.communityName} · {o.compoundName} · 当前阶段：{board.stageLabel} ·
        总体进度 {board.percent}%
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        <div>
          <Panel title="工程概况牌">
            {o.description || board.fiveBoards.overview}
            {'\n'}规模：{o.figures.buildings} 栋，{o.figures.households} 户，建筑面积{' '}
            {o.figures.floorArea.toLocaleString('zh-CN')} ㎡{'\n'}设计单位：{o.designUnit || '—'}
            {'\u3000'}施工单位：{o.constructionUnit || '—'}
            {'\u3000'}监理单位：{o.supervisionUnit || '—'}
            {'\n'}计划开工：{date(board.dates.plannedStart)}
            {'\u3000'}计划竣工：{date(board.dates.plannedCompletion)}
            {board.dates.actualStart ? `\n实际开工：${board.dates.actualStart}` : ''}
          </Panel>
          <Panel title="改造内容">
            {board.content.length === 0 && '（改造方案尚未发布）'}
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <tbody>
                {board.content.map((c, i) => (
                  <tr key={i}>
                    <td style={{ ...cell, whiteSpace: 'nowrap' }}>{c.categoryLabel}</td>
                    <td style={cell}>
                      {c.title}
                      {c.leadDept
                        ? `（牵头：${c.leadDept}${c.responsibleUnits.length ? `；责任单位：${c.responsibleUnits.join('、')}` : ''}）`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel title="管理人员名单及监督电话牌">
            {board.fiveBoards.managers
              .map((p) => `${p.role}：${p.name}${p.phone ? `  ${p.phone}` : ''}`)
              .join('\n') || '—'}
            {'\n'}投诉电话：<b>{board.complaintPhone || '—'}</b>
          </Panel>
        </div>
        <div>
          <Panel title="消防保卫牌">{board.fiveBoards.fireSafety || '—'}</Panel>
          <Panel title="安全生产牌">{board.fiveBoards.safetyProduction || '—'}</Panel>
          <Panel title="文明施工牌">{board.fiveBoards.civilisedConstruction || '—'}</Panel>
          <Panel title="施工现场总平面图">
            {board.sitePlanUrl ? (
              <img src={board.sitePlanUrl} alt="施工现场总平面图" style={{ width: '100%' }} />
            ) : (
              '（未上传）'
            )}
          </Panel>
          <div style={{ textAlign: 'center', border: '2px solid #b71c1c', padding: 8 }}>
            <img
              src={qrCodeUrl(projectId)}
              alt="公示栏二维码"
              style={{ width: large ? 200 : 130, height: large ? 200 : 130 }}
            />
            <div style={{ fontWeight: 700 }}>微信扫码：查看公示、填写意见、参与表决、投诉建议</div>
          </div>
        </div>
      </div>
    </div>
  );
}
