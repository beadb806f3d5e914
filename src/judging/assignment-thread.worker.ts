import { serveThread } from '../common/threads/run-in-thread';
import { assignJudges, AssignmentInput } from './assignment';

serveThread((input: AssignmentInput, progress) => assignJudges(input, { onProgress: progress }));
