-- A placement PES reports for a person whose referral is matching a vacancy enters that referral's
-- job-placement instead of a case of its own: referral_reference_id names the referral (the business
-- key of the instance, so agency events that name the placement are taken there); null for a
-- placement outside a referral.
ALTER TABLE esp_placement ADD COLUMN referral_reference_id VARCHAR(255);
