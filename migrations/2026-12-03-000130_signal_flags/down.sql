DROP TABLE signal_flags;
