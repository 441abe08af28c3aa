import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { notificationStatuses, notificationTemplates } from '@jiugai/shared';
import { defineModel } from './defineModel';

/**
 * Every subscription message the server produced: sent to WeChat, failed there, or kept in the outbox when
 * WeChat is not configured. `regionPath` is the recipient's compound (or building) path, for staff scope.
 */
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    template: { type: String, enum: notificationTemplates, required: true },
    status: { type: String, enum: notificationStatuses, required: true },
    regionPath: { type: String, default: '' },
    /** The WeChat keyword fields as sent, e.g. { thing1: '…', time2: '…' }. */
    fields: { type: Schema.Types.Mixed, default: {} },
    page: { type: String, default: '' },
    error: { type: String },
  },
  { timestamps: true, minimize: false },
);
notificationSchema.index({ status: 1, regionPath: 1, createdAt: -1 });
notificationSchema.index({ userId: 1, createdAt: -1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & { _id: mongoose.Types.ObjectId };
export const Notification = defineModel('Notification', notificationSchema);
