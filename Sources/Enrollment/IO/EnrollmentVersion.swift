/// The version of the tool; recorded in every manifest, since results depend on it.
public enum EnrollmentVersion {
    public static let current = "0.2.0"
}
