"""Storage: the output tables' schema and their Arrow form, one source file's result, and the
writer of the Parquet datasets (its part index, its transactions, the data dictionary and the
manifest's versions), with the fingerprints of the files a run read. The run writes through it
and the reading commands read through it; it imports neither."""
