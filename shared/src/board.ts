import type {
  MilestoneView,
  PlanItem,
  ProgressView,
  ProjectFigures,
  ProjectStage,
  ResponsiblePerson,
} from './projects';

/** The H5 page that opens a project's board; the QR code carries `?scene=<sceneId>`. */
export const boardPagePath = 'pages/board/index';
export const maxSceneIdLength = 32;

/** Everything the physical notice board (公示栏 + 五牌一图) shows, as served by `GET /api/v1/projects/:id/board`. */
export interface ProjectBoard {
  projectId: string;
  sceneId: string;
  /** The compound (小区) region id: the mini-program lists its buildings when a resident binds a household. */
  compoundId: string;
  name: string;
  year: number;
  stage: ProjectStage;
  stageLabel: string;
  isDemonstration: boolean;
  experienceSummary: string;
  overview: {
    districtName: string;
    streetName: string;
    communityName: string;
    compoundName: string;
    address: string;
    description: string;
    figures: ProjectFigures;
    designUnit: string;
    constructionUnit: string;
    supervisionUnit: string;
  };
  content: (PlanItem & { categoryLabel: string })[];
  renderings: string[];
  dates: {
    plannedStart: string | null;
    plannedCompletion: string | null;
    actualStart: string | null;
    actualCompletion: string | null;
  };
  responsiblePersons: ResponsiblePerson[];
  complaintPhone: string;
  /** 五牌: 工程概况牌, 管理人员名单及监督电话牌, 消防保卫牌, 安全生产牌, 文明施工牌. */
  fiveBoards: {
    overview: string;
    managers: ResponsiblePerson[];
    fireSafety: string;
    safetyProduction: string;
    civilisedConstruction: string;
  };
  /** 一图: 施工现场总平面图. */
  sitePlanUrl: string | null;
  milestones: MilestoneView[];
  percent: number;
  latestProgress: ProgressView[];
  updatedAt: string;
}
