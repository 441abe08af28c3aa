import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';
import { regionLevels } from '@jiugai/shared';

/**
 * One collection for the region tree district → street → community → compound → building.
 * `path` is the materialized path of ids from the district down to and including this node: "/<d>/<s>/<c>/".
 * Households live in their own collection.
 */
const regionSchema = new Schema(
  {
    level: { type: String, enum: regionLevels, required: true },
    name: { type: String, required: true, trim: true, maxlength: 100 },
    parentId: { type: Schema.Types.ObjectId, ref: 'Region', default: null },
    path: { type: String, required: true },
    /** Buildings: number of floors/units for display; compounds: address. */
    address: { type: String, default: '' },
    floors: { type: Number },
  },
  { timestamps: true },
);
regionSchema.index({ path: 1 }, { unique: true });
regionSchema.index({ parentId: 1, name: 1 }, { unique: true });
regionSchema.index({ level: 1 });

export type RegionDoc = InferSchemaType<typeof regionSchema> & { _id: mongoose.Types.ObjectId };
export const Region = defineModel('Region', regionSchema);
