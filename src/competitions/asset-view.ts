import type { AssetResponseDto } from './dto/submission.dto';
import type { SubmissionAsset } from './submission.entity';

export const toAssetDto = (a: SubmissionAsset): AssetResponseDto => ({
  id: a.id,
  role: a.role,
  mime: a.mime,
  size: a.size,
  sha256: a.sha256,
  originalName: a.originalName,
  createdAt: a.createdAt.toISOString(),
});
