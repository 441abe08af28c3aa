import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { notificationTemplates } from '@jiugai/shared';
import { defineModel } from './defineModel';

/**
 * Accepted WeChat one-time subscriptions: each time a resident accepts a template in the mini-program's prompt,
 * `remaining` grows by one; each message sent uses one.
 */
const subscriptionSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    template: { type: String, enum: notificationTemplates, required: true },
    remaining: { type: Number, default: 0, min: 0 },
  },
  { timestamps: true },
);
subscriptionSchema.index({ userId: 1, template: 1 }, { unique: true });
subscriptionSchema.index({ template: 1, remaining: 1 });

export type SubscriptionDoc = InferSchemaType<typeof subscriptionSchema> & { _id: mongoose.Types.ObjectId };
export const Subscription = defineModel('Subscription', subscriptionSchema);
