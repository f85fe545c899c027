-- Grain state for Orleans' ADO.NET persistence provider on SQLite (invariant "System.Data.SQLite",
-- served by Microsoft.Data.Sqlite). Orleans supports only persistence on SQLite, so clustering is
-- localhost and reminders are in memory when this file is the store.
--
-- Version is the ETag: it starts at 1 and every write or clear bumps it, but only when the caller
-- presents the version it last read. A write that loses that race returns no row, which Orleans
-- turns into an InconsistentStateException.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage_Hash ON OrleansStorage (GrainIdHash, GrainTypeHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
 LIMIT 1;
'),

-- Two statements, of which at most one changes anything: the update when the caller knows a
-- version, the insert when it knows none. Each is atomic on its own because SQLite takes the write
-- lock before a writing statement reads, so the NOT EXISTS check cannot be overtaken.
('WriteToStorageKey', '
UPDATE OrleansStorage
   SET PayloadBinary = @PayloadBinary,
       ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
       Version = Version + 1
 WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
   AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
     ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
       @ServiceId, @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
 WHERE @GrainStateVersion IS NULL
   AND NOT EXISTS (
       SELECT 1 FROM OrleansStorage
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainTypeString = @GrainTypeString
          AND GrainIdExtensionString IS @GrainIdExtensionString
          AND ServiceId = @ServiceId)
RETURNING Version AS NewGrainStateVersion;
'),

-- Clearing keeps the row (with no payload) so that the version keeps counting up.
('ClearStorageKey', '
UPDATE OrleansStorage
   SET PayloadBinary = NULL,
       ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
       Version = Version + 1
 WHERE Version = @GrainStateVersion
   AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
RETURNING Version AS NewGrainStateVersion;
'),

-- Used instead of clearing when a storage is configured with DeleteStateOnClear; Orleans expects
-- the version the row would have had next.
('DeleteStorageKey', '
DELETE FROM OrleansStorage
 WHERE Version = @GrainStateVersion
   AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
RETURNING Version + 1 AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
