-- Who changed a consent and for which agency: recorded_by / withdrawn_by name the user or system,
-- recorded_for / withdrawn_for the agreement party it acted for (what gave it standing on the
-- consent). NULL on consents recorded before the hub kept the party.
ALTER TABLE esp_consent ADD COLUMN recorded_for VARCHAR(255);
ALTER TABLE esp_consent ADD COLUMN withdrawn_for VARCHAR(255);
-- A consent's scope is now always written out (every receiver of its purpose's exchanges when the
-- caller names none), so it needs room for a country's full list of receivers.
ALTER TABLE esp_consent ALTER COLUMN scope SET DATA TYPE VARCHAR(4000);
