-- ECHO Hub's PostgreSQL role and database: created the first time, the role's password (psql variable
-- `password`, from DATABASE_URL in echo-hub.env) set every time. deploy/install.sh runs it as postgres:
--   psql -v ON_ERROR_STOP=1 -v password=... -f deploy/database.sql
SELECT 'CREATE ROLE echo_hub LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'echo_hub') \gexec
ALTER ROLE echo_hub PASSWORD :'password';
SELECT 'CREATE DATABASE echo_hub OWNER echo_hub' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'echo_hub') \gexec
