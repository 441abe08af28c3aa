import {
  maskName,
  maskPhone,
  type ComplaintCategory,
  type ComplaintHistoryEntry,
  type ComplaintStatus,
  type ComplaintSummary,
  type ComplaintView,
  type ComplaintVisibility,
  type EscalationLevel,
  type PublicComplaintView,
} from '@jiugai/shared';
import { escalationLevelAt, higherLevel, isOverdue } from '../../commands/complaintEscalation';
import type { ComplaintDoc } from '../../models/complaint';
import { Project } from '../../models/project';
import { User } from '../../models/user';

const iso = (d?: Date | null) => (d ? new Date(d).toISOString() : undefined);

interface People {
  users: Map<string, { name: string; phone: string }>;
  projects: Map<string, string>;
}

/** Loads, in two queries, the names a page of complaints needs. */
async function loadPeople(docs: ComplaintDoc[], withHistory: boolean): Promise<People> {
  const userIds = new Set<string>();
  for (const d of docs) {
    userIds.add(String(d.authorId));
    if (withHistory) for (const h of d.history) if (h.actorId) userIds.add(h.actorId);
  }
  const [users, projects] = await Promise.all([
    User.find({ _id: { $in: [...userIds] } }, { name: 1, phone: 1 }).lean(),
    Project.find({ _id: { $in: [...new Set(docs.map((d) => String(d.projectId)))] } }, { name: 1 }).lean(),
  ]);
  return {
    users: new Map(users.map((u) => [String(u._id), { name: u.name ?? '', phone: u.phone ?? '' }])),
    projects: new Map(projects.map((p) => [String(p._id), p.name])),
  };
}

function summary(d: ComplaintDoc, people: People, now: Date): ComplaintSummary {
  const author = people.users.get(String(d.authorId));
  return {
    id: String(d._id),
    projectId: String(d.projectId),
    projectName: people.projects.get(String(d.projectId)) ?? '',
    category: d.category as ComplaintCategory,
    text: d.text,
    photos: d.photos,
    buildingName: d.buildingName ?? '',
    visibility: d.visibility as ComplaintVisibility,
    status: d.status as ComplaintStatus,
    ...(d.status !== 'closed' && d.dueAt ? { dueAt: iso(d.dueAt) } : {}),
    overdue: isOverdue(d, now),
    // The stored level is raised by sweeps; showing the live level keeps a view right between sweeps.
    escalationLevel:
      d.status === 'closed'
        ? (d.escalationLevel as EscalationLevel)
        : higherLevel(d.escalationLevel as EscalationLevel, escalationLevelAt(d, now)),
    author: { name: maskName(author?.name), phone: maskPhone(author?.phone), role: d.authorRole },
    ...(d.reply?.text ? { reply: { text: d.reply.text, at: iso(d.reply.at)! } } : {}),
    ...(d.rating?.score
      ? { rating: { score: d.rating.score, comment: d.rating.comment ?? '', at: iso(d.rating.at)! } }
      : {}),
    reopenCount: d.reopenCount ?? 0,
    createdAt: iso(d.createdAt)!,
    ...(d.closedAt ? { closedAt: iso(d.closedAt) } : {}),
  };
}

export async function presentComplaintList(docs: ComplaintDoc[]): Promise<ComplaintSummary[]> {
  const people = await loadPeople(docs, false);
  const now = new Date();
  return docs.map((d) => summary(d, people, now));
}

export async function presentComplaint(doc: ComplaintDoc): Promise<ComplaintView> {
  const people = await loadPeople([doc], true);
  const history: ComplaintHistoryEntry[] = doc.history.map((h) => ({
    action: h.action as ComplaintHistoryEntry['action'],
    status: h.status as ComplaintStatus,
    actorRole: h.actorRole ?? '',
    actorName: h.actorId ? maskName(people.users.get(h.actorId)?.name) : '',
    note: h.note ?? '',
    at: iso(h.at)!,
  }));
  return { ...summary(doc, people, new Date()), history };
}

/** Long digit runs (phone numbers, ID numbers) typed into the text are masked on the public board. */
/** Masks phone-like runs of 7+ digits, also when typed with spaces or dashes ("139-7100-0015"). */
const redactDigits = (text: string) =>
  text.replace(/\d(?:[\s-]*\d){6,}/g, (m) => {
    const digits = m.replace(/\D/g, '');
    return `${digits.slice(0, 3)}****${digits.slice(-2)}`;
  });

export function presentPublicComplaint(d: ComplaintDoc): PublicComplaintView {
  const anonymous = d.visibility === 'anonymous';
  return {
    id: String(d._id),
    category: d.category as ComplaintCategory,
    text: redactDigits(d.text),
    photos: anonymous ? [] : d.photos,
    ...(anonymous || !d.buildingName ? {} : { buildingName: d.buildingName }),
    status: d.status as ComplaintStatus,
    ...(d.reply?.text ? { reply: redactDigits(d.reply.text) } : {}),
    ...(d.rating?.score ? { rating: d.rating.score } : {}),
    createdAt: iso(d.createdAt)!,
    ...(d.closedAt ? { closedAt: iso(d.closedAt) } : {}),
  };
}
