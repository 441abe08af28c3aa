import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';
import { bindingStatuses } from '@jiugai/shared';

/** A resident's request to be bound to a household, decided by community staff. */
const bindingRequestSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household', required: true },
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    name: { type: String, required: true, maxlength: 50 },
    phone: { type: String, required: true, maxlength: 20 },
    status: { type: String, enum: bindingStatuses, default: 'pending' },
    rejectReason: { type: String },
    decidedBy: { type: String },
    decidedAt: { type: Date },
  },
  { timestamps: true },
);
bindingRequestSchema.index({ regionPath: 1, status: 1, createdAt: -1 });
bindingRequestSchema.index({ userId: 1, createdAt: -1 });

export type BindingRequestDoc = InferSchemaType<typeof bindingRequestSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const BindingRequest = defineModel('BindingRequest', bindingRequestSchema);
