import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  complaintCategories,
  complaintStatuses,
  complaintVisibilities,
  escalationLevels,
} from '@jiugai/shared';
import { defineModel } from './defineModel';

const historySchema = new Schema(
  {
    action: { type: String, required: true },
    status: { type: String, enum: complaintStatuses, required: true },
    actorId: { type: String, default: '' },
    actorRole: { type: String, default: '' },
    note: { type: String, default: '' },
    at: { type: Date, default: () => new Date() },
  },
  { _id: false },
);

/**
 * A complaint (投诉/意见) about a project. `regionPath` is the project's compound path, for staff scope.
 * `dueAt` is when the current status's time limit runs out, `bureauDueAt` when an overdue complaint goes on
 * to the bureau; both are cleared on close. `escalationLevel` only ever rises.
 */
const complaintSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', required: true },
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    buildingId: { type: Schema.Types.ObjectId, ref: 'Region' },
    buildingName: { type: String, default: '' },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    authorRole: { type: String, required: true },
    category: { type: String, enum: complaintCategories, required: true },
    text: { type: String, required: true, maxlength: 1000 },
    photos: { type: [String], default: [] },
    visibility: { type: String, enum: complaintVisibilities, default: 'public' },
    status: { type: String, enum: complaintStatuses, required: true },
    dueAt: { type: Date },
    bureauDueAt: { type: Date },
    escalationLevel: { type: String, enum: escalationLevels, default: 'community' },
    reply: { text: String, at: Date, by: String },
    rating: { score: Number, comment: String, at: Date },
    reopenCount: { type: Number, default: 0 },
    closedAt: { type: Date },
    history: { type: [historySchema], default: [] },
    /** Author + project + text + 10-minute window: a double-tapped submit is stored once. */
    dedupeKey: { type: String },
  },
  { timestamps: true },
);
complaintSchema.index({ regionPath: 1, status: 1, createdAt: -1 });
complaintSchema.index({ projectId: 1, createdAt: -1 });
complaintSchema.index({ authorId: 1, createdAt: -1 });
complaintSchema.index({ dedupeKey: 1 }, { unique: true, sparse: true });
complaintSchema.index({ status: 1, dueAt: 1 });
// The escalation sweep looks up only the complaints that just crossed a limit.
complaintSchema.index({ escalationLevel: 1, dueAt: 1 });
complaintSchema.index({ escalationLevel: 1, bureauDueAt: 1 });

export type ComplaintDoc = InferSchemaType<typeof complaintSchema> & { _id: mongoose.Types.ObjectId };
export const Complaint = defineModel('Complaint', complaintSchema);
