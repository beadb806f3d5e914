import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import {
  AddCoordinatorDto,
  CoordinatorAddedDto,
  CoordinatorDto,
  CreateProgrammeDto,
  ProgrammeListQuery,
  ProgrammePageDto,
  ProgrammeResponseDto,
} from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Create a programme; the creator becomes one of its coordinators' })
  @ApiCreatedResponse({ type: ProgrammeResponseDto })
  @ApiErrors({ 409: 'SLUG_TAKEN' })
  create(
    @CurrentUser() me: Principal,
    @Body() dto: CreateProgrammeDto,
  ): Promise<ProgrammeResponseDto> {
    return this.programmes.create(me, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'All programmes, newest first; ?mine=true: the ones the caller coordinates',
  })
  @ApiOkResponse({ type: ProgrammePageDto })
  list(@CurrentUser() me: Principal, @Query() q: ProgrammeListQuery): Promise<ProgrammePageDto> {
    return this.programmes.list(q, q.mine ? me.id : undefined);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One programme' })
  @ApiOkResponse({ type: ProgrammeResponseDto })
  @ApiErrors(404)
  get(@Param('id', UuidParam) id: string): Promise<ProgrammeResponseDto> {
    return this.programmes.get(id);
  }

  @Get(':id/coordinators')
  @ApiOperation({ summary: "The programme's coordinators (its coordinators and admins only)" })
  @ApiErrors(403, 404)
  @ApiOkResponse({ type: [CoordinatorDto] })
  coordinators(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<CoordinatorDto[]> {
    return this.programmes.coordinators(me, id);
  }

  @Post(':id/coordinators')
  @ApiOperation({
    summary: 'Add a coordinator (a user with the coordinator role), by user id or by email',
  })
  @ApiErrors(403, 404, 409, { 422: 'NOT_ELIGIBLE' })
  @ApiCreatedResponse({ type: CoordinatorAddedDto })
  addCoordinator(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddCoordinatorDto,
  ): Promise<CoordinatorAddedDto> {
    return this.programmes.addCoordinator(me, id, dto);
  }

  @Delete(':id/coordinators/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a coordinator from the programme' })
  @ApiNoContentResponse()
  @ApiErrors(403, 404)
  async removeCoordinator(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ) {
    await this.programmes.removeCoordinator(me, id, userId);
  }
}
