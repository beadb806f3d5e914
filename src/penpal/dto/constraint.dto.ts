import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';

export class ConstraintDto {
  @ApiProperty({ enum: ['pin', 'forbid'] })
  @IsIn(['pin', 'forbid'])
  type: 'pin' | 'forbid';

  @ApiProperty({
    type: [String],
    description: 'Two enrolled people: one Korean, one ASEAN',
    minItems: 2,
    maxItems: 2,
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds: string[];
}
