import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, ApiError, unwrap } from '../../app/api';
import { useWorded } from '../account/queries';

type S = components['schemas'];
export type MentorProfile = S['MentorProfileViewDto'];
export type MentorProfileInput = S['MentorProfileDto'];
export type Mentorship = S['MyMentorshipDto'];
export type CheckIn = S['CheckInViewDto'];
export type CheckInInput = S['CheckInDto'];

const KEY = 'mentoring';

/** The mentor's own profile; `null` before they first save it (the API answers 404). */
export function useMentorProfile() {
  return useQuery({
    queryKey: [KEY, 'profile'],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/me/mentor-profile'));
      } catch (e) {
        if (e instanceof ApiError && e.problem.status === 404) return null;
        throw e;
      }
    },
  });
}

export function useSaveMentorProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: MentorProfileInput) =>
      unwrap(await api.PUT('/api/v1/me/mentor-profile', { body })),
    onSuccess: (profile) => client.setQueryData([KEY, 'profile'], profile),
  });
}

/** My mentorships, as a mentor or as a team member; the reasons in the account's language. */
export function useMyMentorships(enabled = true) {
  const worded = useWorded([KEY, 'mine'], enabled);
  return useQuery({
    queryKey: worded.queryKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/me/mentorships')),
    enabled: worded.enabled,
  });
}

export function useAddCheckIn(mentorshipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CheckInInput) =>
      unwrap(
        await api.POST('/api/v1/mentorships/{id}/check-ins', {
          params: { path: { id: mentorshipId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'mine'] }),
  });
}
