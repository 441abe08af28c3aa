import type {
  BindingCodeView,
  HouseholdImportResult,
  HouseholdListQuery,
  HouseholdView,
  Page,
} from '@jiugai/shared';
import { api, upload } from '../../request';

export const listHouseholds = (query: Partial<HouseholdListQuery>) =>
  api.get<Page<HouseholdView>>('/households', query);
export const importHouseholds = (compoundId: string, file: File, onProgress: (p: number) => void) => {
  const form = new FormData();
  form.append('compoundId', compoundId);
  form.append('file', file);
  return upload<HouseholdImportResult>('/households/import', form, onProgress, true);
};
export const generateBindingCodes = (
  target: { compoundId?: string; buildingId?: string },
  regenerate = false,
) => api.post<{ items: BindingCodeView[] }>('/bindings/codes', { ...target, regenerate });
