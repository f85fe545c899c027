-- The statement catalogue of Orleans' ADO.NET persistence provider: at start-up it reads the
-- statements it needs from here by key and from then on runs only those. What Orleans relies on is
-- the key names, the parameter names and the result column names.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
