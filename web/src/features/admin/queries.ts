import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';

export type AdminUser = components['schemas']['AdminUserDto'];
export type AuditEvent = components['schemas']['AuditEventDto'];
export type OutboxMessage = components['schemas']['OutboxMessageDto'];
export type Role = AdminUser['roles'][number];
export const ROLES: Role[] = ['applicant', 'judge', 'coordinator', 'admin', 'mentor'];
export const PAGE_SIZE = 20;

/**
 * `?page=&pageSize=`: the OpenAPI document types these query numbers as objects (a Nest
 * Swagger quirk of the shared page DTO), so they are passed through untyped here.
 */
const paging = (page: number) =>
  ({ page, pageSize: PAGE_SIZE }) as unknown as { page: never; pageSize: never };

export interface StaffFilter {
  role?: Role;
  email?: string;
  staff?: boolean;
}

export function useStaff(page: number, filter: StaffFilter) {
  return useQuery({
    queryKey: ['admin', 'users', page, filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/users', {
          params: { query: { ...paging(page), ...filter } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['CreateStaffDto']) => {
      const res = await api.POST('/api/v1/admin/users', { body });
      return { invitedExisting: res.response.status === 202, data: unwrap(res) };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useSetRoles(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (roles: Role[]) =>
      unwrap(
        await api.PUT('/api/v1/admin/users/{id}/roles', {
          params: { path: { id } },
          body: { roles },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useResendInvitation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/admin/users/{id}/invitation', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export interface AuditFilter {
  action?: string;
  actorEmail?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export function useAudit(page: number, filter: AuditFilter) {
  return useQuery({
    queryKey: ['admin', 'audit', page, filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/audit-events', {
          params: { query: { ...paging(page), ...filter } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export type OutboxStatus = 'pending' | 'queued' | 'delivered' | 'failed';

export function usePipeline(page: number, status: OutboxStatus | undefined) {
  return useQuery({
    queryKey: ['admin', 'pipeline', page, status],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/notifications', {
          params: { query: { ...paging(page), ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useRetry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/api/v1/admin/notifications/{id}/retry', { params: { path: { id } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'pipeline'] }),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['staff-invitation', token],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/staff-invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}
