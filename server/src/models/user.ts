import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';
import { roles } from '@jiugai/shared';

/**
 * Everyone who logs in. Staff have `account` + `passwordHash` and a region scope; residents and supervisors have
 * a WeChat `openid`. `householdIds` are the households a resident is bound to (binding approved or by code).
 */
const userSchema = new Schema(
  {
    role: { type: String, enum: roles, required: true },
    account: { type: String, trim: true, maxlength: 50 },
    passwordHash: { type: String },
    openid: { type: String },
    name: { type: String, default: '', maxlength: 50 },
    phone: { type: String, default: '', maxlength: 20 },
    scopeRegionId: { type: Schema.Types.ObjectId, ref: 'Region' },
    scopePath: { type: String },
    householdIds: { type: [Schema.Types.ObjectId], ref: 'Household', default: [] },
    /** Supervision-group members: 人大代表, 政协委员, 老干部, 老党员, 热心居民. */
    supervisorCategory: { type: String },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date },
    /** Refresh tokens issued before this are refused (set when a password is reset). */
    passwordChangedAt: { type: Date },
    disabled: { type: Boolean, default: false },
    /** Access and refresh tokens issued up to this second are refused (disable, password reset, role withdrawn). */
    tokensValidAfter: { type: Date },
  },
  { timestamps: true },
);
userSchema.index({ account: 1 }, { unique: true, sparse: true });
userSchema.index({ openid: 1 }, { unique: true, sparse: true });
userSchema.index({ householdIds: 1 });
userSchema.index({ tokensValidAfter: 1 }, { sparse: true });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export const User = defineModel('User', userSchema);
