-- Start-up work that must not run on two hub nodes at the same moment (the engine's schema
-- checks, the seeding of groups, grants, filters and users, the auto-deployment) runs while the
-- starting node holds its row locked (SELECT ... FOR UPDATE on a connection of its own, see
-- NodeStartLock); a node starting meanwhile waits for the lock, then finds that work done.
-- A row lock, unlike PostgreSQL's advisory locks, works on H2 as well.
CREATE TABLE esp_start_lock (
    name VARCHAR(64) PRIMARY KEY
);

INSERT INTO esp_start_lock (name) VALUES ('engine-start');
