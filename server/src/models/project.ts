import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';
import { contentCategories, projectStages } from '@jiugai/shared';

const personSchema = new Schema({ role: String, name: String, phone: String }, { _id: false });
const planItemSchema = new Schema(
  {
    category: { type: String, enum: contentCategories, required: true },
    title: { type: String, required: true },
    description: String,
    leadDept: String,
    responsibleUnits: { type: [String], default: [] },
  },
  { _id: false },
);
const reviewSchema = new Schema({
  expertId: String,
  expertName: String,
  opinion: String,
  verdict: String,
  at: { type: Date, default: () => new Date() },
});
const milestoneSchema = new Schema(
  { key: String, deadline: String, doneAt: { type: String, default: null } },
  { _id: false },
);
const stageEventSchema = new Schema(
  {
    from: { type: String, default: null },
    to: String,
    at: Date,
    note: { type: String, default: '' },
    by: String,
  },
  { _id: false },
);
const handoverSchema = new Schema({ facility: String, operator: String, date: String, notes: String });

/**
 * A renovation project (改造项目): one per compound per year. `regionPath` is the compound's path so region
 * scope filters apply; `sceneId` is the short id carried by the board's QR / mini-program code.
 * Region names are copied in (and refreshed on rename) so the public search and the board need no joins.
 */
const projectSchema = new Schema(
  {
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    name: { type: String, required: true, trim: true, maxlength: 100 },
    stage: { type: String, required: true, enum: projectStages },
    sceneId: { type: String, required: true, maxlength: 32 },
    districtName: { type: String, default: '' },
    streetName: { type: String, default: '' },
    communityName: { type: String, default: '' },
    compoundName: { type: String, default: '' },
    address: { type: String, default: '' },
    description: { type: String, default: '' },
    figures: {
      buildings: { type: Number, default: 0 },
      households: { type: Number, default: 0 },
      floorArea: { type: Number, default: 0 },
    },
    constructionUnit: { type: String, default: '' },
    supervisionUnit: { type: String, default: '' },
    plannedStart: { type: String, default: null },
    plannedCompletion: { type: String, default: null },
    actualStart: { type: String, default: null },
    actualCompletion: { type: String, default: null },
    responsiblePersons: { type: [personSchema], default: [] },
    complaintPhone: { type: String, default: '' },
    boardTexts: { fireSafety: String, safetyProduction: String, civilisedConstruction: String },
    sitePlanUrl: { type: String, default: null },
    isDemonstration: { type: Boolean, default: false },
    experienceSummary: { type: String, default: '' },
    plan: {
      type: new Schema(
        {
          designUnit: String,
          renderings: { type: [String], default: [] },
          items: { type: [planItemSchema], default: [] },
        },
        { _id: false },
      ),
      default: null,
    },
    reviews: { type: [reviewSchema], default: [] },
    milestones: { type: [milestoneSchema], default: [] },
    stageHistory: { type: [stageEventSchema], default: [] },
    acceptance: {
      type: new Schema(
        {
          date: String,
          participants: [new Schema({ party: String, name: String }, { _id: false })],
          verdict: String,
          notes: String,
          recordedAt: Date,
        },
        { _id: false },
      ),
      default: null,
    },
    handovers: { type: [handoverSchema], default: [] },
    /** Percent of the latest progress update. */
    percent: { type: Number, default: 0 },
  },
  { timestamps: true },
);
projectSchema.index({ compoundId: 1, year: 1 }, { unique: true });
projectSchema.index({ sceneId: 1 }, { unique: true });
projectSchema.index({ regionPath: 1 });

export type ProjectDoc = InferSchemaType<typeof projectSchema> & { _id: mongoose.Types.ObjectId };
export const Project = defineModel('Project', projectSchema);
