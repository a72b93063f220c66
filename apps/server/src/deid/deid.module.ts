import { Module } from '@nestjs/common';
import { DeidController } from './deid.controller';

@Module({ controllers: [DeidController] })
export class DeidModule {}
