import mongoose, { type Schema } from 'mongoose';

/**
 * Registers a model once per module load. Test runners re-import app modules while mongoose stays cached,
 * so an earlier registration of the same name is replaced rather than throwing OverwriteModelError.
 */
export function defineModel<TSchema extends Schema>(name: string, schema: TSchema) {
  if (mongoose.models[name]) mongoose.deleteModel(name);
  return mongoose.model(name, schema);
}
