"""Alert digests: compose one message per run and deliver it (.eml outbox or SMTP)."""
