import Enrollment
print("enroll")
