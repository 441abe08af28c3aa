import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SurveyCollectionView, SurveyView } from '@jiugai/shared';
import { fakeServer, logInAs, renderPage } from '../../../test/helpers';
import { session } from '../../session';
import SurveyDetailPage from '.';

vi.mock('../../components/charts', () => ({
  Chart: ({ ariaLabel }: { ariaLabel: string }) => <div>{ariaLabel}</div>,
}));

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const survey: SurveyView = {
  id: 's1',
  projectId: 'p1',
  compoundId: 'c1',
  title: '幸福小区改造征求意见表',
  description: '',
  questions: [
    {
      id: 'q1',
      type: 'single',
      title: '是否同意改造',
      required: true,
      options: [
        { id: 'y', label: '同意' },
        { id: 'n', label: '不同意' },
      ],
    },
    {
      id: 'q2',
      type: 'multiple',
      title: '最需要改造的内容',
      required: false,
      minSelect: 0,
      options: [
        { id: 'a', label: '地下管网' },
        { id: 'b', label: '外立面' },
        { id: 'c', label: '停车位' },
      ],
      showIf: { questionId: 'q1', optionIds: ['y'] },
    },
  ],
  opensAt: '2024-03-01T00:00:00.000Z',
  closesAt: '2099-03-31T00:00:00.000Z',
  status: 'open',
  statusLabel: '进行中',
  version: 1,
  createdAt: '2024-03-01T00:00:00.000Z',
};
const row = {
  households: 2,
  responded: 1,
  rate: { numerator: 1, denominator: 2, percent: 50 },
  meetsTarget: false,
};
const collection: SurveyCollectionView = {
  id: 'c1',
  name: '幸福小区',
  ...row,
  surveyId: 's1',
  status: 'open',
  byChannel: { miniapp: 1, door_to_door: 0, meeting: 0, paper: 0 },
  buildings: [{ id: 'b1', name: '1号楼', ...row }],
  missing: [{ householdId: 'h2', building: '1号楼', unit: '1', room: '102', owner: '李*' }],
};

describe('survey detail', () => {
  it('shows the collection rate against 80% and the households still missing', async () => {
    logInAs('community_staff');
    fakeServer({ 'GET /surveys/s1': survey, 'GET /surveys/s1/collection': collection });
    renderPage(<SurveyDetailPage />, '/surveys/:id', '/surveys/s1');
    expect(await screen.findByText('未达 80%')).toBeInTheDocument();
    expect(screen.getByText('尚未反馈的户（1）')).toBeInTheDocument();
    expect(screen.getByText('李*')).toBeInTheDocument();
  });

  it('enters a paper form with the keyboard alone', async () => {
    logInAs('community_staff');
    const calls = fakeServer({
      'GET /surveys/s1': survey,
      'GET /surveys/s1/collection': collection,
      'GET /regions/c1': {
        id: 'c1',
        level: 'compound',
        name: '幸福小区',
        parentId: null,
        path: '/c1/',
        children: [{ id: 'b1', level: 'building', name: '1号楼', parentId: 'c1', path: '/c1/b1/' }],
      },
      'GET /households': {
        items: [
          {
            id: 'h1',
            compoundId: 'c1',
            buildingId: 'b1',
            buildingName: '1号楼',
            unit: '1',
            room: '101',
            area: 80,
            ownerName: '王*',
            ownerPhone: '',
            hasBindingCode: false,
            boundResidents: 1,
          },
          {
            id: 'h2',
            compoundId: 'c1',
            buildingId: 'b1',
            buildingName: '1号楼',
            unit: '1',
            room: '102',
            area: 80,
            ownerName: '李*',
            ownerPhone: '',
            hasBindingCode: false,
            boundResidents: 0,
          },
        ],
        total: 2,
        page: 1,
        size: 200,
      },
      'PUT /surveys/s1/paper-responses/h2': { receiptNo: 'R1' },
    });
    renderPage(<SurveyDetailPage />, '/surveys/:id', '/surveys/s1');
    await userEvent.click(await screen.findByText('纸质录入'));
    const household = (await screen.findAllByLabelText('选择户')).find((el) => el.tagName === 'INPUT')!;
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/households?'))).toBe(true));
    await userEvent.type(household, '102');
    // rc-select reads the legacy keyCode, which user-event does not set.
    fireEvent.keyDown(household, { key: 'Enter', keyCode: 13, which: 13 });
    // Question 2 only appears once question 1 is answered 同意 (show-if).
    expect(screen.queryByLabelText('答案 2')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('答案 1'), '1{Enter}');
    expect(screen.getByText('同意', { selector: '.ant-tag' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('答案 2'), '13{Enter}');
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      answers: { q1: 'y', q2: ['a', 'c'] },
      channel: 'paper',
    });
    expect(await screen.findByText('本次已录入 1 份 · 回车跳到下一题，最后一题回车保存')).toBeInTheDocument();
  });
});
