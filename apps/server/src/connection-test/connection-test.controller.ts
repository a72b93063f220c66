import type { ConnectionTestInfo, ConnectionTestStatus, ConnectionTestTransport } from '@echo-hub/protocol';
import { ConnectionTestLimits } from '@echo-hub/protocol';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { CurrentUser, Public, SignedIn } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { ConnectionTestService } from './connection-test.service';
import { ConnectTestDto, DownloadQueryDto, TestDataDto } from './dto/connection-test.dto';

/** Bytes that do not compress, so a proxy cannot make the link look faster than it is. */
let noise: Buffer | undefined;

@ApiTags('connection-test')
@ApiBearerAuth()
@Controller('connection-test')
export class ConnectionTestController {
  constructor(private readonly tests: ConnectionTestService) {}

  @Public()
  @Get()
  info(): ConnectionTestInfo {
    return this.tests.info();
  }

  /** `kb` kilobytes of random bytes, never cached: the page times it for the download speed. */
  @Public()
  @Get('download')
  @Header('Cache-Control', 'no-store')
  async download(@Query() query: DownloadQueryDto, @Ip() ip: string): Promise<StreamableFile> {
    await this.tests.transfer(ip);
    noise ??= randomBytes(ConnectionTestLimits.maxKb * 1024);
    // StreamableFile sets Content-Type: application/octet-stream (a refusal above stays JSON).
    return new StreamableFile(noise.subarray(0, query.kb * 1024));
  }

  /** Reads an upload (application/octet-stream) and says how many bytes came: the page times it for the upload speed. */
  @Public()
  @Post('upload')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  async upload(@Req() req: Request, @Ip() ip: string): Promise<{ bytes: number }> {
    await this.tests.transfer(ip);
    const max = ConnectionTestLimits.maxKb * 1024;
    const tooLarge = () => new PayloadTooLargeException(`the upload may be ${ConnectionTestLimits.maxKb} kB at most`);
    if (Number(req.headers['content-length'] ?? 0) > max) throw tooLarge();
    let bytes = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > max) throw tooLarge();
    }
    return { bytes };
  }

  @SignedIn()
  @Post('transports')
  open(@CurrentUser() user: AuthUser): Promise<ConnectionTestTransport> {
    return this.tests.open(user);
  }

  @SignedIn()
  @Post('transports/:id/connect')
  @HttpCode(HttpStatus.NO_CONTENT)
  connect(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConnectTestDto,
  ): Promise<void> {
    return this.tests.connect(user, id, dto.dtlsParameters);
  }

  @SignedIn()
  @Post('transports/:id/data')
  data(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TestDataDto,
  ): Promise<{ id: string }> {
    return this.tests.produceData(user, id, dto.sctpStreamParameters, dto.label);
  }

  @SignedIn()
  @Get('transports/:id')
  status(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): ConnectionTestStatus {
    return this.tests.status(user, id);
  }

  @SignedIn()
  @Delete('transports/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): void {
    this.tests.close(user, id);
  }
}
