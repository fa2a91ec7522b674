-- The API's own SQL Server login (docker-compose's db-login step runs this as sa, after the migrate step):
-- it reads and writes rows and executes, and can do nothing else — no DDL, no sysadmin, no other database.
-- Idempotent: run again, it sets the password again. The password arrives as the sqlcmd variable AppPassword.
SET NOCOUNT ON;
IF SUSER_ID(N'onestop_app') IS NULL
    CREATE LOGIN [onestop_app] WITH PASSWORD = N'$(AppPassword)', CHECK_POLICY = ON, DEFAULT_DATABASE = [OneStop];
ELSE
    ALTER LOGIN [onestop_app] WITH PASSWORD = N'$(AppPassword)';
GO
USE [OneStop];
GO
IF USER_ID(N'onestop_app') IS NULL
    CREATE USER [onestop_app] FOR LOGIN [onestop_app];
ALTER ROLE [db_datareader] ADD MEMBER [onestop_app];
ALTER ROLE [db_datawriter] ADD MEMBER [onestop_app];
GRANT EXECUTE TO [onestop_app];
GO
