import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller';
import { AdminRecords } from './admin.records';
import { AdminService } from './admin.service';
import { PersonDataService } from './person-data.service';

/** The admin area: accounts, the admins' audit log, a person's data export and erasure. */
@Module({
  controllers: [AdminController],
  providers: [AdminService, PersonDataService, AdminRecords],
})
export class AdminModule {}
