import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';

export interface InterestTag {
  tag: string;
  label: { en: string; ko: string };
}

/** The controlled list of interest tags (changes rarely: kept for the visit). */
export function useInterests() {
  return useQuery({
    queryKey: ['interests'],
    queryFn: async () => unwrap(await api.GET('/api/v1/interests')) as unknown as InterestTag[],
    staleTime: Infinity,
  });
}
