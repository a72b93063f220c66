import type { GroupMemberDto } from '@echo-hub/protocol';
import { useEffect, useState } from 'react';
import { listGroupMembers } from '../api/community';

const cache = new Map<string, Promise<GroupMemberDto[]>>();

/** People who may be mentioned in a group (loaded once per group per page load). */
export function useGroupPeople(groupId: string): GroupMemberDto[] {
  const [people, setPeople] = useState<GroupMemberDto[]>([]);
  useEffect(() => {
    let live = true;
    let request = cache.get(groupId);
    if (!request) {
      request = listGroupMembers(groupId).catch(() => []);
      cache.set(groupId, request);
    }
    void request.then((list) => live && setPeople(list));
    return () => {
      live = false;
    };
  }, [groupId]);
  return people;
}
