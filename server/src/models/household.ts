import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';

/**
 * A household (户): the unit counted by surveys and votes. `regionPath` is the building's path, so region
 * scope filters work on it directly. `ownerKey` identifies the owner across households (an owner of several
 * households counts once by headcount, with all the area: 法释〔2009〕7号 art. 9).
 */
const householdSchema = new Schema(
  {
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    buildingId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    unit: { type: String, required: true, trim: true, maxlength: 20 },
    room: { type: String, required: true, trim: true, maxlength: 20 },
    /** 专有部分面积, m², two decimals. */
    area: { type: Number, required: true, min: 0 },
    ownerName: { type: String, default: '', maxlength: 50 },
    ownerPhone: { type: String, default: '', maxlength: 20 },
    ownerKey: { type: String, required: true },
    /** One-time binding code printed by staff; cleared when used. */
    bindingCode: { type: String },
  },
  { timestamps: true },
);
householdSchema.index({ buildingId: 1, unit: 1, room: 1 }, { unique: true });
householdSchema.index({ compoundId: 1 });
householdSchema.index({ regionPath: 1 });
householdSchema.index({ bindingCode: 1 }, { unique: true, sparse: true });

export type HouseholdDoc = InferSchemaType<typeof householdSchema> & { _id: mongoose.Types.ObjectId };
export const Household = defineModel('Household', householdSchema);
