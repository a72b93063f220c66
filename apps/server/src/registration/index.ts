// The registration feature's public surface: programs' public registration forms and the funnel.
export { Registration } from './entities/registration.entity';
export { RegistrationForm } from './entities/registration-form.entity';
export { RegistrationModule } from './registration.module';
