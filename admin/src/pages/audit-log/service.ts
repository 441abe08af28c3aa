import type { AuditEntryView, AuditQuery, Page } from '@jiugai/shared';
import { api } from '../../request';

export const listAudit = (query: Partial<AuditQuery>) => api.get<Page<AuditEntryView>>('/audit', query);
