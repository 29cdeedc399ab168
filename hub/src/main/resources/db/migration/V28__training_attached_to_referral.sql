-- A training PES or a provider requests for a person whose referral is choosing a programme becomes
-- that referral's choice instead of an enrolment of its own: referral_reference_id names the referral
-- (the business key of the training-enrolment that took it, so agency events that name the request
-- are taken there); null for a training outside a referral.
ALTER TABLE esp_training_enrolment ADD COLUMN referral_reference_id VARCHAR(255);
