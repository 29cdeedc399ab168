-- What a subscriber is shown of its deliveries: the class of the last attempt (delivered,
-- refused_by_receiver, receiver_error, unreachable, blocked_target, withheld), not the
-- receiver's status code; last_status_code and last_error stay for operators.
ALTER TABLE esp_webhook_delivery ADD COLUMN last_outcome VARCHAR(32);

UPDATE esp_webhook_delivery SET last_outcome = CASE
    WHEN last_status_code BETWEEN 200 AND 299 THEN 'delivered'
    WHEN last_status_code >= 500 THEN 'receiver_error'
    WHEN last_status_code IS NOT NULL THEN 'refused_by_receiver'
    ELSE 'unreachable' END
WHERE last_attempt_at IS NOT NULL;
