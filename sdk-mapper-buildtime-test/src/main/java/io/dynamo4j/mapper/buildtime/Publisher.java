package io.dynamo4j.mapper.buildtime;

/** A nested bean. */
public class Publisher {
  private String name;
  private String city;

  /** For the mapper. */
  public Publisher() {}

  /** A publisher. */
  public Publisher(String name, String city) {
    this.name = name;
    this.city = city;
  }

  /** Its name. */
  public String getName() {
    return name;
  }

  /** Sets its name. */
  public void setName(String name) {
    this.name = name;
  }

  /** Its city. */
  public String getCity() {
    return city;
  }

  /** Sets its city. */
  public void setCity(String city) {
    this.city = city;
  }
}
