  /** Provisioned read and write capacity units. */
  public static ProvisionedThroughput of(long readCapacityUnits, long writeCapacityUnits) {
    return new ProvisionedThroughput(readCapacityUnits, writeCapacityUnits);
  }
