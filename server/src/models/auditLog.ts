import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';

/** Every staff write and every ballot: who, when, what, from which channel. */
const auditLogSchema = new Schema(
  {
    at: { type: Date, default: () => new Date() },
    actorId: { type: String, required: true },
    actorRole: { type: String, required: true },
    action: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, default: '' },
    regionPath: { type: String, default: '' },
    channel: { type: String, default: 'admin' },
    summary: { type: String, default: '' },
    ip: { type: String, default: '' },
  },
  { versionKey: false },
);
auditLogSchema.index({ regionPath: 1, at: -1 });
auditLogSchema.index({ at: -1 });

export type AuditLogDoc = InferSchemaType<typeof auditLogSchema> & { _id: mongoose.Types.ObjectId };
export const AuditLog = defineModel('AuditLog', auditLogSchema);
