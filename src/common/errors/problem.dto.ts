import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty() path: string;
  @ApiProperty() message: string;
}

/** The application/problem+json body every error carries (RFC 9457), for the OpenAPI document. */
export class ProblemDto {
  @ApiProperty() type: string;
  @ApiProperty() title: string;
  @ApiProperty() status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ description: 'Stable UPPER_SNAKE code', example: 'VALIDATION_FAILED' })
  code: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
