import { serveThread } from '../common/threads/run-in-thread';
import { matchMentors, type MentoringInput } from './core';

serveThread((input: MentoringInput, progress) => matchMentors(input, { onProgress: progress }));
