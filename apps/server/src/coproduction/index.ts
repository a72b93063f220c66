// The co-production feature's public surface: roles on sessions and in groups, payments and expenses.
export { CoproductionModule } from './coproduction.module';
export { CoproductionPayment } from './entities/coproduction-payment.entity';
export { CoproductionRoleEntity } from './entities/coproduction-role.entity';
