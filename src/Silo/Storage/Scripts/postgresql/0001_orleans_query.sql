-- The statement catalogue of Orleans' ADO.NET providers. At start-up each provider reads the
-- statements it needs from here by key and from then on runs only those, so this schema, not the
-- Orleans binaries, decides how every clustering, persistence and reminder operation is done.
-- What Orleans relies on is the key names, the parameter names and the result column names.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
