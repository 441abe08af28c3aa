import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { notificationTemplates } from '@jiugai/shared';
import { defineModel } from './defineModel';

/**
 * Accepted WeChat one-time subscriptions: each time a resident accepts a template in the mini-program's prompt,
 * `remaining` grows by one; each message sent uses one. The resident's compounds and openid are copied in (and
 * refreshed at every subscribe), so telling a compound is one indexed query, not a join over its households.
 */
const subscriptionSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    template: { type: String, enum: notificationTemplates, required: true },
    remaining: { type: Number, default: 0, min: 0 },
    compoundIds: { type: [Schema.Types.ObjectId], default: [] },
    openid: { type: String, default: '' },
  },
  { timestamps: true },
);
subscriptionSchema.index({ userId: 1, template: 1 }, { unique: true });
subscriptionSchema.index({ template: 1, compoundIds: 1 });

export type SubscriptionDoc = InferSchemaType<typeof subscriptionSchema> & { _id: mongoose.Types.ObjectId };
export const Subscription = defineModel('Subscription', subscriptionSchema);
