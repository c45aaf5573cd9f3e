import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ValidationFailed, type FieldProblem } from '../../domain/errors.js';
import { HuntGroupServicesService } from '../../domain/hunt-group-services/hunt-group-services.service.js';
import { ApiErrorResponses, BROADWORKS_CALL_ERRORS } from '../openapi/error-responses.js';
import { AVAILABLE_NUMBERS_ANSWER } from '../openapi/examples.js';
import { queryInteger } from '../query-integer.js';
import { QueryParameters } from '../request-shape.js';
import { GroupParamsDto, scopeOf } from '../route-params.dto.js';
import { AvailableNumbersAnswerDto } from './dto/alternate-numbers.dto.js';

/** The largest page (the same bound as the other lists). */
export const MAX_PAGE = 2000;

/** The group's numbers that a picker may offer. */
@ApiTags('hunt group services')
@ApiBearerAuth()
@ApiErrorResponses(...BROADWORKS_CALL_ERRORS)
@Controller('api/v1/tenants/:tenantId/groups/:groupId/numbers')
export class NumbersController {
  constructor(private readonly services: HuntGroupServicesService) {}

  @Get('available')
  @QueryParameters('limit', 'offset')
  @ApiOperation({
    summary: "The group's free numbers",
    description:
      'Numbers assigned to the group that nobody holds (no user, hunt group or alternate number has them), in order: ' +
      'for a number picker. All of them without limit; with limit, one page and a Link header to the next.',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0 } })
  @ApiHeader({ name: 'Link', required: false, description: '<…?limit=…&offset=…>; rel="next" when there are more' })
  @ApiOkResponse({ type: AvailableNumbersAnswerDto, example: AVAILABLE_NUMBERS_ANSWER })
  async available(
    @Param() p: GroupParamsDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ numbers: string[] }> {
    const query = req.query as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    const limit = queryInteger(query.limit, 'limit', 1, MAX_PAGE, problems);
    const offset = queryInteger(query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER, problems);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const page = await this.services.availableNumbers(scopeOf(p), { limit, offset });
    if (page.nextOffset !== undefined && limit !== undefined) {
      const path = req.originalUrl.split('?')[0];
      res.setHeader('Link', `<${path}?limit=${limit}&offset=${page.nextOffset}>; rel="next"`);
    }
    return { numbers: page.numbers };
  }
}
